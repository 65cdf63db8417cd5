using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>
/// The body as a whole, before its fields (API.md sections 1 and 4): content type (415), size (413, with
/// <c>Limits:MaxBodyBytes</c> set small here), then a well-formed JSON object (400 <c>paramer error</c>),
/// on every endpoint that reads a body.
/// </summary>
public sealed class RequestBodyTests : FunctionalTestBase
{
    private const int MaxBodyBytes = 300;

    private string _token = null!;
    private long _ringId;
    private long _messageId;

    /// <summary>Every endpoint that reads a body, as (method, path) with {ring} / {message} standing for an id of the caller.</summary>
    public static readonly object[] Endpoints =
    [
        new object[] { "POST", ApiClient.RingPath },
        new object[] { "PUT", ApiClient.RingPath + "/{ring}" },
        new object[] { "POST", ApiClient.MessagePath },
        new object[] { "PUT", ApiClient.MessagePath + "/{message}" },
        new object[] { "POST", ApiClient.RegisterPath },
        new object[] { "POST", ApiClient.LoginPath },
    ];

    public static IEnumerable<TestCaseData> NotAJsonObject()
    {
        string[] bodies = ["", "not json", "[]", "[{\"push_token\":\"abc\"}]", "\"push_token\"", "42", "null", "true", "{\"push_token\":", "{\"push_token\":\"abc\",}", "{} {}", "{'push_token':'abc'}"];
        foreach (var endpoint in Endpoints.Cast<object[]>())
        {
            foreach (var body in bodies)
            {
                yield return new TestCaseData(endpoint[0], endpoint[1], body);
            }
        }
    }

    [OneTimeSetUp]
    public async Task CreateOwnRecords()
    {
        (_, _token) = await Client.NewSessionAsync();
        _ringId = (await Client.CreateTokenAsync(ApiClient.RingPath, _token, ApiClient.NewPushToken()))["id"]!.GetValue<long>();
        _messageId = (await Client.CreateTokenAsync(ApiClient.MessagePath, _token, ApiClient.NewPushToken()))["id"]!.GetValue<long>();
    }

    protected override PushTokenApiFactory CreateOwnHost() =>
        new(new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = $"{MaxBodyBytes}" });

    [TestCaseSource(nameof(Endpoints))]
    public async Task Body_over_the_configured_limit_is_413_body_length_error(string method, string path)
    {
        var response = await Send(method, path, Json(MaxBodyBytes + 1));

        ApiAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "body length error");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Body_over_the_limit_without_a_content_length_is_413_body_length_error(string method, string path)
    {
        var response = await Send(method, path, new UnknownLengthContent(Encoding.UTF8.GetBytes(Json(MaxBodyBytes + 1000)), "application/json"));

        ApiAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "body length error");
    }

    [Test]
    public async Task Body_of_exactly_the_limit_is_read()
    {
        var json = Json(MaxBodyBytes);

        var response = await Send("POST", ApiClient.RingPath, json);

        Assert.That(Encoding.UTF8.GetByteCount(json), Is.EqualTo(MaxBodyBytes));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Body_of_another_content_type_is_415_content_type_error(string method, string path)
    {
        var response = await Send(method, path, new StringContent(Json(200), Encoding.UTF8, "text/plain"));

        ApiAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "content-type error");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Body_without_a_content_type_is_415_content_type_error(string method, string path)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json(200)));

        var response = await Send(method, path, content);

        ApiAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "content-type error");
    }

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data; boundary=x")]
    [TestCase("application/xml")]
    public async Task Body_of_a_form_or_xml_content_type_is_415_content_type_error(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("push_token=abc&language=en"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await Send("POST", ApiClient.RingPath, content);

        ApiAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "content-type error");
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON; charset=UTF-8")]
    [TestCase("application/json;charset=utf-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    public async Task Json_content_type_is_accepted(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"push_token":"{{ApiClient.NewPushToken()}}","language":"en"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Send("POST", ApiClient.RingPath, content);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
    }

    [TestCaseSource(nameof(NotAJsonObject))]
    public async Task Body_that_is_not_a_json_object_is_paramer_error(string method, string path, string body)
    {
        var response = await Send(method, path, body);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "paramer error");
    }

    [Test]
    public async Task Content_type_is_checked_before_size()
    {
        var response = await Send("POST", ApiClient.RingPath, new StringContent(Json(MaxBodyBytes * 2), Encoding.UTF8, "text/plain"));

        ApiAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "content-type error");
    }

    [Test]
    public async Task Size_is_checked_before_json()
    {
        var response = await Send("POST", ApiClient.RingPath, new string('x', MaxBodyBytes * 2));

        ApiAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "body length error");
    }

    [Test]
    public async Task Body_is_checked_before_the_fields()
    {
        var response = await Send("POST", ApiClient.RingPath, """{"push_token":1,"language":1""");

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "paramer error");
    }

    /// <summary>A valid record body padded to exactly <paramref name="bytes"/> bytes with an unknown field.</summary>
    private static string Json(int bytes)
    {
        var head = $$"""{"push_token":"{{ApiClient.NewPushToken()}}","language":"en","username":"alice","password":"correct-horse","pad":" """.TrimEnd();
        const string tail = "\"}";
        return head + new string('p', bytes - head.Length - tail.Length) + tail;
    }

    private Task<ApiResponse> Send(string method, string path, string json) =>
        Send(method, path, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<ApiResponse> Send(string method, string path, HttpContent content) =>
        Client.CallAsync(ApiClient.Raw(
            new HttpMethod(method),
            path.Replace("{ring}", $"{_ringId}", StringComparison.Ordinal).Replace("{message}", $"{_messageId}", StringComparison.Ordinal),
            content,
            _token));

    /// <summary>A body sent without Content-Length, as a chunked upload is.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
