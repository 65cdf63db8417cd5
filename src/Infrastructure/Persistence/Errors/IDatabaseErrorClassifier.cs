namespace PushTokenService.Infrastructure.Persistence.Errors;

/// <summary>Reads one provider's exceptions as <see cref="DatabaseError"/>s.</summary>
public interface IDatabaseErrorClassifier
{
    /// <summary>The error, or null when the exception is not the database's.</summary>
    DatabaseError? Classify(Exception exception);
}
