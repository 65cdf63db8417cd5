using PushTokenService.Domain.Users;

namespace PushTokenService.Domain.UnitTests.Users;

public sealed class SessionTests
{
    private static readonly DateTimeOffset ExpiresAt = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly Session Session = new(Id: 7, UserId: 3, ExpiresAt);

    [Test]
    public void Session_is_live_before_it_expires() =>
        Assert.That(Session.IsLiveAt(ExpiresAt.AddMilliseconds(-1)), Is.True);

    [Test]
    public void Session_is_not_live_at_its_expiry() =>
        Assert.That(Session.IsLiveAt(ExpiresAt), Is.False);

    [Test]
    public void Session_is_not_live_after_it_expires() =>
        Assert.That(Session.IsLiveAt(ExpiresAt.AddDays(1)), Is.False);

    [Test]
    public void Expiry_is_compared_as_an_instant_whatever_the_offset() =>
        Assert.That(Session.IsLiveAt(new DateTimeOffset(2030, 1, 31, 19, 59, 59, TimeSpan.FromHours(8))), Is.True);
}
