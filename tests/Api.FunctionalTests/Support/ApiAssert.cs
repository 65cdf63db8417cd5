using System.Net;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The contract's error answer (API.md sections 1, 4 and 5).</summary>
public static class ApiAssert
{
    /// <summary>
    /// Status and <c>error</c> string as the contract says, inside an RFC 9457 problem document
    /// (status, title, trace id) that gives away no exception type or stack trace.
    /// </summary>
    public static void IsError(ApiResponse response, HttpStatusCode status, string error)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Text);
            Assert.That(response.Body.Error(), Is.EqualTo(error), response.Text);
            Assert.That(response.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(response.Body?["status"]?.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(response.Body?["title"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(response.Body?["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(response.Text, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain("PushTokenService."));
        }
    }
}
