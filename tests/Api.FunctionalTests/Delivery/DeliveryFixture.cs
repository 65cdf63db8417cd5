using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>One service for the tests of a class, with the sender's api key and every log line kept; each test makes its own users.</summary>
public abstract class DeliveryFixture
{
    protected LogCapture Logs { get; private set; } = null!;

    protected PushTokenApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration keys beside the api key.</summary>
    protected virtual (string Key, string? Value)[] Settings => [];

    /// <summary>Registers services after the host's own, e.g. a <see cref="StubChannel"/> in place of a provider.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public void StartService()
    {
        Logs = new LogCapture();
        Factory = new PushTokenApiFactory(DeliveryApi.Settings(Settings), logs: Logs, services: AddServices);
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
        Factory.DeleteDatabase();
        Logs.Dispose();
    }
}
