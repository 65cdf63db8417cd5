using Moq;
using PushTokenService.Application.Admin.Commands.RevokeUserSessions;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class RevokeUserSessionsCommandHandlerTests
{
    [Test]
    public async Task Revoke_ends_all_sessions_of_the_user_and_reports_how_many()
    {
        var sessions = new Mock<ISessionRepository>();
        sessions.Setup(s => s.RevokeAllAsync(42, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        var response = await new RevokeUserSessionsCommandHandler(sessions.Object).Handle(new RevokeUserSessionsCommand(42), CancellationToken.None);

        Assert.That(response, Is.EqualTo(new RevokedSessionsResponse(2)));
        sessions.Verify(s => s.RevokeAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never, "logout's revocation also drops push tokens");
    }
}
