using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests;

/// <summary>
/// One host on the test defaults and the two api keys of <see cref="AdminApi"/>, shared by every fixture that needs
/// nothing else, from the first fixture that uses it to the end of the run. In the root namespace so that NUnit runs it
/// around every fixture of the project.
/// </summary>
[SetUpFixture]
public sealed class SharedHost
{
    private static PushTokenApiFactory? _factory;

    public static PushTokenApiFactory Factory =>
        _factory ?? throw new InvalidOperationException("The shared host exists only while the tests of this project run.");

    /// <summary>The host starts at its first client, so a run of fixtures with hosts of their own never starts it.</summary>
    [OneTimeSetUp]
    public void CreateHost() => _factory = new PushTokenApiFactory(AdminApi.Settings());

    [OneTimeTearDown]
    public void StopHost()
    {
        _factory?.Dispose();
        _factory = null;
    }
}
