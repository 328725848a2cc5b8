using System.Security;
using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>The XML error documents an S3-compatible store answers for presigned URLs.</summary>
internal static class StorageErrors
{
    public static SimulatedResponse AccessDenied(string message, string requestId, string? extra = null) =>
        Error(403, "AccessDenied", message, requestId, extra);

    public static SimulatedResponse SignatureDoesNotMatch(string requestId) =>
        Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", requestId);

    public static SimulatedResponse NoSuchKey(string requestId) =>
        Error(404, "NoSuchKey", "The specified key does not exist.", requestId);

    public static SimulatedResponse UnsupportedAuthorization(string requestId) =>
        Error(400, "InvalidArgument", "Unsupported Authorization Type", requestId);

    /// <summary>The answer to a presigned URL that failed its check, or <see langword="null"/> for a valid one.</summary>
    public static SimulatedResponse? ForVerdict(PresignedUrls.Verdict verdict, DateTimeOffset expiresAt, DateTimeOffset now, string requestId) => verdict switch
    {
        PresignedUrls.Verdict.Unsigned => AccessDenied("Query-string authentication requires the X-Amz-Signature, X-Amz-Security-Token and expires parameters", requestId),
        PresignedUrls.Verdict.BadSignature => SignatureDoesNotMatch(requestId),
        PresignedUrls.Verdict.Expired => AccessDenied("Request has expired", requestId, $"<Expires>{JsonBodies.FormatTimestamp(expiresAt)}</Expires><ServerTime>{JsonBodies.FormatTimestamp(now)}</ServerTime>"),
        _ => null,
    };

    public static SimulatedResponse MissingContentLength(string requestId) =>
        Error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.", requestId);

    public static SimulatedResponse IncompleteBody(long declared, long received, string requestId) =>
        Error(400, "IncompleteBody", $"You did not provide the number of bytes specified by the Content-Length HTTP header ({declared} declared, {received} received).", requestId);

    public static SimulatedResponse SizeMismatch(long declared, long presigned, string requestId) =>
        Error(403, "SignatureDoesNotMatch", $"Content-Length {declared} does not match the presigned size_bytes {presigned}.", requestId);

    public static SimulatedResponse HeaderMismatch(string name, string requestId) =>
        Error(403, "SignatureDoesNotMatch", $"The request signature we calculated does not match the signature you provided: header '{name}' is missing or differs from upload.headers.", requestId);

    public static SimulatedResponse UploadClosed(string requestId) =>
        Error(403, "AccessDenied", "The upload is closed: the file was completed or deleted.", requestId);

    private static SimulatedResponse Error(int status, string code, string message, string requestId, string? extra = null)
    {
        string xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message>{extra}<RequestId>{requestId}</RequestId></Error>";
        return SimulatedResponse.Storage(status, "application/xml", Encoding.UTF8.GetBytes(xml), [new("x-amz-request-id", requestId)]);
    }
}
