namespace PushTokenService.Application.Common.Interfaces;

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}

/// <summary>Salted slow password hashing.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>Spends the time of one verification, so that an unknown user answers as slowly as a wrong password.</summary>
    void VerifyAgainstDummy(string password);
}
