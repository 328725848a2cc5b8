using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Mints and checks S3-style presigned output URLs. The signature covers the object, the expiry and a per-mint token,
/// so every GET yields a fresh URL, and tampering with <c>expires</c> is caught like a real signature check.
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

    public string Mint(string origin, string id, int index, string extension, DateTimeOffset now)
    {
        long expires = (now + lifetime).ToUnixTimeSeconds();
        string token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        string date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        long seconds = (long)Math.Ceiling(lifetime.TotalSeconds);
        string signature = Sign(id, index, extension, expires, token);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{origin}/outputs/{id}/{index}.{extension}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=FAKELUMAOUTPUTS%2F{day}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date={date}&X-Amz-Expires={seconds}&X-Amz-SignedHeaders=host&X-Amz-Security-Token={token}&expires={expires}&X-Amz-Signature={signature}");
    }

    public Verdict Check(string id, string indexText, string extension, IQueryCollection query, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        string signature = query["X-Amz-Signature"].ToString();
        string token = query["X-Amz-Security-Token"].ToString();
        string expiresText = query["expires"].ToString();
        if (signature.Length == 0 || token.Length == 0 || expiresText.Length == 0)
        {
            return Verdict.Unsigned;
        }

        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out long expires) ||
            !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(id, index, extension, expires, token)), Encoding.ASCII.GetBytes(signature)))
        {
            return Verdict.BadSignature;
        }

        expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return now >= expiresAt ? Verdict.Expired : Verdict.Valid;
    }

    private string Sign(string id, int index, string extension, long expires, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}/{index}.{extension}\n{expires}\n{token}"))));
}
