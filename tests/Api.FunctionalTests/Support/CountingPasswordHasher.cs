using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The real hasher, counting the verifications it runs: the cost of a login, measured without a clock.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher inner) : IPasswordHasher
{
    private int _verifications;
    private int _dummyVerifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public int DummyVerifications => Volatile.Read(ref _dummyVerifications);

    public void Reset()
    {
        Interlocked.Exchange(ref _verifications, 0);
        Interlocked.Exchange(ref _dummyVerifications, 0);
    }

    public string Hash(string password) => inner.Hash(password);

    public PasswordCheck Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return inner.Verify(hash, password);
    }

    public void VerifyAgainstDummy(string password)
    {
        Interlocked.Increment(ref _dummyVerifications);
        inner.VerifyAgainstDummy(password);
    }
}
