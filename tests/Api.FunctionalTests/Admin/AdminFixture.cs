using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>One service with two api keys for the tests of a class; each test makes its own users and tokens.</summary>
public abstract class AdminFixture
{
    protected PushTokenApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new PushTokenApiFactory(AdminApi.Settings());
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
        Factory.DeleteDatabase();
    }
}
