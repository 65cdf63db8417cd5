using Google.Apis.Auth.OAuth2;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>A Google service-account key file (<c>project_id</c>, <c>client_email</c>, <c>private_key</c>, <c>token_uri</c>), read by Google's own parser.</summary>
public static class ServiceAccountFile
{
    /// <summary>Reads the file; a failure's message names <paramref name="configurationKey"/> and the path, never the file's content.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or not a service account's key.</exception>
    public static ServiceAccountCredential Load(string path, string configurationKey)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{configurationKey} is empty: name a Google service-account JSON file.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{configurationKey}: the service-account file '{path}' does not exist.");
        }

        ServiceAccountCredential credential;
        try
        {
            credential = CredentialFactory.FromFile<ServiceAccountCredential>(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{configurationKey}: the service-account file '{path}' cannot be read.");
        }
        // Parse errors of JSON or of the key carry fragments of the file: none of them reaches the message.
        catch (Exception)
        {
            throw new InvalidOperationException(
                $"{configurationKey}: '{path}' is not a Google service-account key (type service_account, client_email, private_key).");
        }

        if (string.IsNullOrEmpty(credential.ProjectId))
        {
            throw new InvalidOperationException($"{configurationKey}: the service-account file '{path}' has no project_id.");
        }

        return credential;
    }
}
