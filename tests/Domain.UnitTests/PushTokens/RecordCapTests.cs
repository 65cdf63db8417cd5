using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.PushTokens;

public sealed class RecordCapTests
{
    [TestCase(19, false)]
    [TestCase(20, false)]
    [TestCase(21, true)]
    public void Records_beyond_the_cap_are_evicted_up_to_it_they_stay(long held, bool exceeded) =>
        Assert.That(RecordCap.IsExceeded(held, max: 20), Is.EqualTo(exceeded));
}
