using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace LumaAgents.Testing.Internal;

/// <summary>The API's bearer-key check, with the four 401 texts of the real server; keys can be revoked while it runs.</summary>
internal sealed class ApiKeyAuthenticator(IEnumerable<string> apiKeys, IEnumerable<string> revokedKeys)
{
    private const string Scheme = "Bearer ";

    private readonly HashSet<string> _apiKeys = new(apiKeys, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revokedKeys = new(revokedKeys.Select(k => KeyValuePair.Create(k, true)), StringComparer.Ordinal);

    public void Revoke(string key) => _revokedKeys[key] = true;

    /// <summary>The key of a request that may proceed, or the <c>detail</c> of its 401.</summary>
    public bool TryAuthenticate(StringValues authorization, out string apiKey, out string failure)
    {
        apiKey = string.Empty;
        string header = authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            failure = FakeLumaServerDetails.MissingApiKey;
            return false;
        }

        // The scheme is case-sensitive on the real server: "bearer x" is malformed, not merely unknown.
        if (authorization.Count != 1 || !header.StartsWith(Scheme, StringComparison.Ordinal) || header.AsSpan(Scheme.Length).Trim().IsEmpty)
        {
            failure = FakeLumaServerDetails.MalformedAuthorizationHeader;
            return false;
        }

        string key = header[Scheme.Length..].Trim();
        if (_revokedKeys.ContainsKey(key))
        {
            failure = FakeLumaServerDetails.RevokedApiKey;
            return false;
        }

        if (!_apiKeys.Contains(key))
        {
            failure = FakeLumaServerDetails.InvalidApiKey;
            return false;
        }

        apiKey = key;
        failure = string.Empty;
        return true;
    }
}
