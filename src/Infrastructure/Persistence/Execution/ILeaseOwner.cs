namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>A pool that takes its leases back.</summary>
public interface ILeaseOwner
{
    /// <summary>True when the pool keeps <paramref name="lease"/>; false when the caller is to close it.</summary>
    bool TakeBack(DbLease lease);

    /// <summary>False when <paramref name="lease"/>'s connection is no longer to be used.</summary>
    bool IsCurrent(DbLease lease);
}
