namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// The base of a fixture that calls the service: a client of the shared host, or of a host of the fixture's own where it
/// needs other settings, a fake clock or a failing service. Tests stay independent on the shared database by making
/// their own users (<c>Client.NewSessionAsync()</c> registers a new user name each call); a test that needs an empty
/// registry calls <see cref="ResetState"/>.
/// </summary>
public abstract class FunctionalTestBase
{
    private PushTokenApiFactory? _ownHost;

    protected PushTokenApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task ConnectToHostAsync()
    {
        _ownHost = await CreateOwnHostAsync();
        Factory = _ownHost ?? SharedHost.Factory;
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void DisconnectFromHost()
    {
        Client.Dispose();
        _ownHost?.Dispose();
    }

    /// <summary>A host for this fixture alone, disposed after its last test; null to use the shared host.</summary>
    protected virtual PushTokenApiFactory? CreateOwnHost() => null;

    /// <summary>As <see cref="CreateOwnHost"/>, for a host whose settings wait on something started first, such as a fake provider.</summary>
    protected virtual Task<PushTokenApiFactory?> CreateOwnHostAsync() => Task.FromResult(CreateOwnHost());

    /// <summary>Empties the host's registry: no user, session or record is left, from this fixture or any other.</summary>
    protected void ResetState() => Factory.DeleteAllRows();
}
