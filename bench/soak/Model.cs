namespace PushTokenService.Soak;

public enum Kind
{
    Ring = 1,
    Message = 2,
}

/// <summary>A record as the service last confirmed it with a 2xx: the model the audit compares the database with.</summary>
public sealed record ExpectedRecord(long Id, long UserId, string PushToken);

/// <summary>The accounts the phones log in to; each holds at most a few phones, far below the per-kind record cap.</summary>
public sealed class Accounts(IReadOnlyList<string> usernames, int maxPhonesPerUser)
{
    private readonly int[] _phones = new int[usernames.Count];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Usernames => usernames;

    /// <summary>Takes a place on an account other than <paramref name="current"/> (-1 for none); gives up the current one.</summary>
    public int Move(int current, Random random)
    {
        lock (_lock)
        {
            while (true)
            {
                var next = random.Next(_phones.Length);
                if (next != current && _phones[next] < maxPhonesPerUser)
                {
                    _phones[next]++;
                    if (current >= 0)
                    {
                        _phones[current]--;
                    }

                    return next;
                }
            }
        }
    }
}
