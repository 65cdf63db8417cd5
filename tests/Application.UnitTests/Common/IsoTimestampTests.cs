using PushTokenService.Application.Common.Validation;

namespace PushTokenService.Application.UnitTests.Common;

public sealed class IsoTimestampTests
{
    [TestCase("2025-03-01T08:30:00Z", "2025-03-01T08:30:00.0000000+00:00")]
    [TestCase("2025-03-01T16:30:00+08:00", "2025-03-01T08:30:00.0000000+00:00")]
    [TestCase("2025-03-01T08:30:00.125Z", "2025-03-01T08:30:00.1250000+00:00")]
    [TestCase("2025-03-01T08:30Z", "2025-03-01T08:30:00.0000000+00:00")]
    [TestCase("2025-03-01T08:30:00", "2025-03-01T08:30:00.0000000+00:00")]
    public void An_iso_8601_date_and_time_reads_as_utc(string text, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(IsoTimestamp.TryParse(text, out var value), Is.True);
            Assert.That(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
        });
    }

    [TestCase("")]
    [TestCase("2025-03-01")]
    [TestCase("2025-02-30T00:00:00Z")]
    [TestCase("03/01/2025 08:30:00")]
    [TestCase("1740817800")]
    [TestCase("2025-03-01 08:30:00Z")]
    [TestCase("yesterday")]
    public void Anything_else_is_not_a_timestamp(string text) =>
        Assert.That(IsoTimestamp.IsValid(text), Is.False);
}
