using Microsoft.Extensions.Options;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>Delivery's configuration (API.md section 10.5) is checked when the service starts, not at the first send.</summary>
public sealed class DeliveryStartupTests
{
    [TestCase("0")]
    [TestCase("-1")]
    public void Service_with_a_deadline_that_is_not_positive_does_not_start_and_names_the_key(string seconds)
    {
        using var factory = new PushTokenApiFactory(DeliveryApi.Settings(("Push:DeadlineSeconds", seconds)));
        try
        {
            Assert.That(() => factory.CreateClient(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Push:DeadlineSeconds"));
        }
        finally
        {
            factory.DeleteDatabase();
        }
    }
}
