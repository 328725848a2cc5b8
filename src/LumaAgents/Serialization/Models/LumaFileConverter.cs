using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>Reads and writes <see cref="LumaFile"/> tolerantly, like every response model.</summary>
internal sealed class LumaFileConverter : ResponseObjectConverter<LumaFile>
{
    public LumaFileConverter()
        : base(
        [
            WireFields.String<LumaFile>("id", f => f.Id.Length == 0 ? null : f.Id, (f, v) => f.Id = v!),
            WireFields.Timestamp<LumaFile>("created_at", f => f.CreatedAt, (f, v) => f.CreatedAt = v),
            WireFields.String<LumaFile>("mime_type", f => f.MimeType.Length == 0 ? null : f.MimeType, (f, v) => f.MimeType = v!),
            WireFields.Enum<LumaFile, FilePurpose>("purpose", f => f.Purpose, (f, v) => f.Purpose = v),
            WireFields.Int64<LumaFile>("size_bytes", f => f.SizeBytesOrNull, (f, v) => f.SizeBytesOrNull = v),
            WireFields.Enum<LumaFile, FileState>("state", f => f.State, (f, v) => f.State = v),
            WireFields.Timestamp<LumaFile>("deleted_at", f => f.DeletedAt, (f, v) => f.DeletedAt = v),
            WireFields.Timestamp<LumaFile>("expires_at", f => f.ExpiresAt, (f, v) => f.ExpiresAt = v),
            WireFields.String<LumaFile>("failure_reason", f => f.FailureReason, (f, v) => f.FailureReason = v),
            WireFields.String<LumaFile>("filename", f => f.FileName, (f, v) => f.FileName = v),
            WireFields.String<LumaFile>("user_id", f => f.UserId, (f, v) => f.UserId = v),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static LumaFileConverter Instance { get; } = new();

    protected override LumaFile Create() => new();

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(LumaFile model) => model.AdditionalProperties;

    protected override void SetAdditionalProperties(LumaFile model, IDictionary<string, JsonElement>? additionalProperties)
        => model.AdditionalProperties = additionalProperties;
}
