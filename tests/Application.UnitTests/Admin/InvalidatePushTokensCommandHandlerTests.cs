using Moq;
using PushTokenService.Application.Admin.Commands.InvalidatePushTokens;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class InvalidatePushTokensCommandHandlerTests
{
    private Mock<IAdminTokenRepository> _repository = null!;
    private PushTokenInvalidation? _asked;

    [SetUp]
    public void AnswerThree()
    {
        _asked = null;
        _repository = new Mock<IAdminTokenRepository>();
        _repository.Setup(r => r.InvalidateAsync(It.IsAny<PushTokenInvalidation>(), It.IsAny<CancellationToken>()))
            .Callback<PushTokenInvalidation, CancellationToken>((invalidation, _) => _asked = invalidation)
            .ReturnsAsync(3);
    }

    [Test]
    public async Task Invalidate_by_push_token_alone_touches_every_app_environment_and_time()
    {
        var response = await Handle(new InvalidatePushTokensCommand(
            Fields.Text("ring"), Fields.Text("abc"), Fields.Missing, Fields.Missing, Fields.Null, Fields.Text("")));

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo(new InvalidatedPushTokensResponse(3)));
            Assert.That(_asked, Is.EqualTo(new PushTokenInvalidation(TokenKind.Ring, "abc", null, null, null, null)));
        });
    }

    [Test]
    public async Task Invalidate_passes_every_filter_sent_with_invalid_since_in_utc()
    {
        await Handle(new InvalidatePushTokensCommand(
            Fields.Text("message"), Fields.Text(""), Fields.Text("hms-1"), Fields.Text("com.lancens.app"), Fields.Number(1),
            Fields.Text("2025-03-01T16:30:00+08:00")));

        Assert.That(_asked, Is.EqualTo(new PushTokenInvalidation(
            TokenKind.Message, null, "hms-1", "com.lancens.app", 1, new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.Zero))));
    }

    private ValueTask<InvalidatedPushTokensResponse> Handle(InvalidatePushTokensCommand command) =>
        new InvalidatePushTokensCommandHandler(_repository.Object).Handle(command, CancellationToken.None);
}
