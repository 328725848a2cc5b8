using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Mints and checks S3-style presigned URLs (output downloads and file uploads). The signature covers the object path,
/// the expiry and a per-mint token, so every mint yields a fresh URL, and tampering with <c>expires</c> or pointing a
/// URL at another object is caught like a real signature check.
/// </summary>
internal sealed class PresignedUrls(TimeSpan lifetime)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public enum Verdict
    {
        Valid,
        Unsigned,
        BadSignature,
        Expired,
    }

    public TimeSpan Lifetime => lifetime;

    public string Mint(string origin, string id, int index, string extension, DateTimeOffset now) =>
        MintObject(origin, string.Create(CultureInfo.InvariantCulture, $"outputs/{id}/{index}.{extension}"), now, lifetime);

    public Verdict Check(string id, string indexText, string extension, IQueryCollection query, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        return int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? CheckObject(string.Create(CultureInfo.InvariantCulture, $"outputs/{id}/{index}.{extension}"), query, now, out expiresAt)
            : Unsigned(query) ? Verdict.Unsigned : Verdict.BadSignature;
    }

    /// <summary>A URL for <paramref name="objectPath"/> (relative to the origin, no leading slash) valid for <paramref name="validFor"/>.</summary>
    public string MintObject(string origin, string objectPath, DateTimeOffset now, TimeSpan validFor)
    {
        long expires = (now + validFor).ToUnixTimeSeconds();
        string token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        string date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        long seconds = (long)Math.Ceiling(validFor.TotalSeconds);
        string signature = Sign(objectPath, expires, token);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{origin}/{objectPath}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=FAKELUMAOUTPUTS%2F{day}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date={date}&X-Amz-Expires={seconds}&X-Amz-SignedHeaders=host&X-Amz-Security-Token={token}&expires={expires}&X-Amz-Signature={signature}");
    }

    public Verdict CheckObject(string objectPath, IQueryCollection query, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        if (Unsigned(query))
        {
            return Verdict.Unsigned;
        }

        string signature = query["X-Amz-Signature"].ToString();
        string token = query["X-Amz-Security-Token"].ToString();
        if (!long.TryParse(query["expires"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out long expires) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(objectPath, expires, token)), Encoding.ASCII.GetBytes(signature)))
        {
            return Verdict.BadSignature;
        }

        expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return now >= expiresAt ? Verdict.Expired : Verdict.Valid;
    }

    private static bool Unsigned(IQueryCollection query) =>
        query["X-Amz-Signature"].ToString().Length == 0 || query["X-Amz-Security-Token"].ToString().Length == 0 || query["expires"].ToString().Length == 0;

    private string Sign(string objectPath, long expires, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{objectPath}\n{expires}\n{token}"))));
}
