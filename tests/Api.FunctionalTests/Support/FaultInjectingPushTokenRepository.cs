using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The real repository, or, while <see cref="Fail"/> is set, a bug: an exception nobody expected.</summary>
public sealed class FaultInjectingPushTokenRepository(PushTokenRepository inner) : IPushTokenRepository
{
    public const string FaultMessage = "injected fault in the repository";

    public bool Fail { get; set; }

    /// <summary>Puts this double in front of the real repository.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<PushTokenRepository>();
        services.AddSingleton(provider => new FaultInjectingPushTokenRepository(provider.GetRequiredService<PushTokenRepository>()));
        services.AddSingleton<IPushTokenRepository>(provider => provider.GetRequiredService<FaultInjectingPushTokenRepository>());
    }

    public Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException(FaultMessage) : inner.ListAsync(userId, kind, cancellationToken);

    public Task<AddPushTokenOutcome> AddAsync(
        long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException(FaultMessage) : inner.AddAsync(userId, sessionId, kind, values, maxPerKind, now, cancellationToken);

    public Task<UpdatePushTokenOutcome> UpdateAsync(
        long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException(FaultMessage) : inner.UpdateAsync(userId, sessionId, kind, id, change, now, cancellationToken);

    public Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException(FaultMessage) : inner.DeleteAsync(userId, kind, id, cancellationToken);
}
