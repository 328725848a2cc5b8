using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The server side of the documented request rules (reference §2), a faithful subset. It is deliberately independent
/// of the SDK's validator so a rule the SDK gets wrong shows up as a disagreement. Details name the JSON path.
/// All problems of the most severe status are reported, joined by <c>"; "</c>: 400 before 413 before 422.
/// </summary>
internal sealed class RequestValidator(Func<string, bool> generationExists)
{
    private const long MaxImageBytes = 50L * 1024 * 1024;
    private const long MaxVideoBytes = 200L * 1024 * 1024;

    private static readonly string[] Types = ["image", "image_edit", "video", "video_edit", "video_reframe", "layering"];
    private static readonly string[] Models = ["uni-1", "uni-1-max", "ray-3.2"];
    private static readonly string[] ImageRatios = ["3:1", "2:1", "16:9", "3:2", "1:1", "2:3", "9:16", "1:2", "1:3"];
    private static readonly string[] VideoRatios = ["9:16", "3:4", "1:1", "4:3", "16:9", "21:9"];
    private static readonly string[] AllRatios = ["3:1", "2:1", "21:9", "16:9", "4:3", "3:2", "1:1", "3:4", "2:3", "9:16", "1:2", "1:3"];
    private static readonly string[] PortraitRatios = ["2:3", "9:16", "1:2", "1:3"];

    public ValidationOutcome Validate(JsonObject body)
    {
        var problems = new Problems();

        string type = "image";
        if (TryGet(body, "type", out JsonNode? typeNode))
        {
            if (AsString(typeNode) is { } value && Types.Contains(value))
            {
                type = value;
            }
            else
            {
                problems.Add(400, FakeLumaServerDetails.UnknownType);
            }
        }

        bool isVideoType = type is "video" or "video_edit" or "video_reframe";
        string? model = null;
        if (TryGet(body, "model", out JsonNode? modelNode))
        {
            if (AsString(modelNode) is { } value && Models.Contains(value))
            {
                model = value;
            }
            else
            {
                problems.Add(400, FakeLumaServerDetails.UnknownModel);
            }
        }

        // The reference documents uni-1 as the default; a video job cannot run on an image model, so video types default to ray-3.2.
        model ??= isVideoType ? "ray-3.2" : "uni-1";

        string? prompt = ValidatePrompt(body, type, problems);
        string? ratio = ValidateAspectRatio(body, type, problems);
        ValidateStyle(body, ratio, problems);
        ValidateOutputFormat(body, isVideoType, problems);

        if (TryGet(body, "web_search", out JsonNode? webSearch) && webSearch!.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(400, "web_search: Input should be a valid boolean");
        }

        if (TryGet(body, "user_id", out JsonNode? userId))
        {
            if (AsString(userId) is not { } value)
            {
                problems.Add(400, "user_id: Input should be a valid string");
            }
            else if (value.Length > 256)
            {
                problems.Add(400, "user_id: String should have at most 256 characters");
            }
        }

        ValidateImageRefs(body, type, problems);
        ValidateSource(body, type, problems);
        ValidateVideo(body, type, model, problems);
        ValidateLayering(body, type, problems);

        return problems.ToOutcome(model, type, prompt);
    }

    private static string? ValidatePrompt(JsonObject body, string type, Problems problems)
    {
        bool layering = type == "layering";
        if (!TryGet(body, "prompt", out JsonNode? node))
        {
            if (!layering)
            {
                problems.Add(400, FakeLumaServerDetails.PromptRequired);
            }

            return null;
        }

        if (AsString(node) is not { } prompt)
        {
            problems.Add(400, "prompt: Input should be a valid string");
            return null;
        }

        int max = layering ? 500 : 6000;
        if (prompt.Length == 0 && !layering)
        {
            problems.Add(400, FakeLumaServerDetails.PromptEmpty);
        }
        else if (prompt.Length > max && CountCharacters(prompt) > max)
        {
            problems.Add(400, layering ? FakeLumaServerDetails.LayeringPromptTooLong : FakeLumaServerDetails.PromptTooLong);
        }

        return prompt;
    }

    private static string? ValidateAspectRatio(JsonObject body, string type, Problems problems)
    {
        if (!TryGet(body, "aspect_ratio", out JsonNode? node))
        {
            return null;
        }

        if (AsString(node) is not { } ratio || !AllRatios.Contains(ratio))
        {
            problems.Add(400, $"aspect_ratio: Input should be one of {Quote(AllRatios)}");
            return null;
        }

        // Image edits and video edits keep the source's ratio, so the server ignores the field for them.
        string[]? allowed = type switch
        {
            "image" or "layering" => ImageRatios,
            "video" or "video_reframe" => VideoRatios,
            _ => null,
        };
        if (allowed is not null && !allowed.Contains(ratio))
        {
            problems.Add(400, $"aspect_ratio: '{ratio}' is not supported for type '{type}'; expected one of {Quote(allowed)}");
        }

        return ratio;
    }

    private static void ValidateStyle(JsonObject body, string? ratio, Problems problems)
    {
        if (!TryGet(body, "style", out JsonNode? node))
        {
            return;
        }

        string? style = AsString(node);
        if (style is not ("auto" or "manga"))
        {
            problems.Add(400, "style: Input should be 'auto' or 'manga'");
        }
        else if (style == "manga" && (ratio is null || !PortraitRatios.Contains(ratio)))
        {
            problems.Add(400, $"style: 'manga' requires a portrait aspect_ratio ({Quote(PortraitRatios)})");
        }
    }

    private static void ValidateOutputFormat(JsonObject body, bool isVideoType, Problems problems)
    {
        if (!TryGet(body, "output_format", out JsonNode? node))
        {
            return;
        }

        if (AsString(node) is not ("png" or "jpeg"))
        {
            problems.Add(400, "output_format: Input should be 'png' or 'jpeg'");
        }
        else if (isVideoType)
        {
            problems.Add(400, "output_format: Only supported for image types");
        }
    }

    private void ValidateImageRefs(JsonObject body, string type, Problems problems)
    {
        if (!TryGet(body, "image_ref", out JsonNode? node))
        {
            return;
        }

        if (node is not JsonArray refs)
        {
            problems.Add(400, "image_ref: Input should be a valid list");
            return;
        }

        int max = type == "image_edit" ? 8 : 9;
        if (refs.Count > max)
        {
            problems.Add(400, max == 9 ? FakeLumaServerDetails.TooManyImageRefs : $"image_ref: List should have at most {max} items");
        }

        for (int i = 0; i < refs.Count; i++)
        {
            ValidateImageRef($"image_ref[{i}]", refs[i], isVideoSource: false, problems);
        }
    }

    private void ValidateSource(JsonObject body, string type, Problems problems)
    {
        bool present = TryGet(body, "source", out JsonNode? node);
        bool required = type is "image_edit" or "video_edit" or "video_reframe";
        if (required && !present)
        {
            problems.Add(400, $"source: Field required for type '{type}'");
        }
        else if (present && type == "image")
        {
            problems.Add(400, "source: Not allowed for type 'image'");
        }
        else if (present)
        {
            ValidateImageRef("source", node, isVideoSource: type is "video_edit" or "video_reframe", problems);
        }
    }

    private void ValidateVideo(JsonObject body, string type, string model, Problems problems)
    {
        if (!TryGet(body, "video", out JsonNode? node))
        {
            return;
        }

        if (node is not JsonObject video)
        {
            problems.Add(400, "video: Input should be an object");
            return;
        }

        if (model != "ray-3.2")
        {
            problems.Add(400, "video: Only supported with model 'ray-3.2'");
        }

        if (TryGet(video, "duration", out JsonNode? duration) && AsString(duration) is not ("5s" or "10s"))
        {
            problems.Add(400, "video.duration: Input should be '5s' or '10s'");
        }

        if (TryGet(video, "resolution", out JsonNode? resolution) && AsString(resolution) is not ("360p" or "540p" or "720p" or "1080p"))
        {
            problems.Add(400, "video.resolution: Input should be '360p', '540p', '720p' or '1080p'");
        }

        foreach (string frame in (ReadOnlySpan<string>)["start_frame", "end_frame", "guide_frame"])
        {
            if (TryGet(video, frame, out JsonNode? frameNode))
            {
                ValidateImageRef($"video.{frame}", frameNode, isVideoSource: false, problems);
            }
        }

        ValidateKeyframes(video, "video", problems);

        if (TryGet(video, "edit", out JsonNode? editNode))
        {
            if (type != "video_edit")
            {
                problems.Add(400, "video.edit: Only allowed for type 'video_edit'");
            }
            else if (editNode is not JsonObject edit)
            {
                problems.Add(400, "video.edit: Input should be an object");
            }
            else
            {
                ValidateKeyframes(edit, "video.edit", problems);
            }
        }
    }

    private void ValidateKeyframes(JsonObject owner, string path, Problems problems)
    {
        int count = 0;
        if (TryGet(owner, "keyframes", out JsonNode? node))
        {
            if (node is not JsonArray keyframes)
            {
                problems.Add(400, $"{path}.keyframes: Input should be a valid list");
            }
            else
            {
                count = keyframes.Count;
                if (count > 64)
                {
                    problems.Add(400, $"{path}.keyframes: List should have at most 64 items");
                }

                for (int i = 0; i < keyframes.Count; i++)
                {
                    ValidateImageRef($"{path}.keyframes[{i}]", keyframes[i], isVideoSource: false, problems);
                }
            }
        }

        if (TryGet(owner, "keyframe_indexes", out JsonNode? indexes))
        {
            if (indexes is not JsonArray array)
            {
                problems.Add(400, $"{path}.keyframe_indexes: Input should be a valid list");
            }
            else if (array.Count != count)
            {
                problems.Add(400, $"{path}.keyframe_indexes: Must have the same length as {path}.keyframes");
            }
        }
    }

    private static void ValidateLayering(JsonObject body, string type, Problems problems)
    {
        if (!TryGet(body, "layering", out JsonNode? node))
        {
            return;
        }

        if (type != "layering")
        {
            problems.Add(400, "layering: Only allowed for type 'layering'");
        }
        else if (node is not JsonObject layering)
        {
            problems.Add(400, "layering: Input should be an object");
        }
        else if (TryGet(layering, "resolution", out JsonNode? resolution) && AsString(resolution) is not ("1k" or "2k"))
        {
            problems.Add(400, "layering.resolution: Input should be '1k' or '2k'");
        }
    }

    private void ValidateImageRef(string path, JsonNode? node, bool isVideoSource, Problems problems)
    {
        if (node is not JsonObject imageRef)
        {
            problems.Add(400, $"{path}: Input should be an object");
            return;
        }

        bool hasUrl = TryGet(imageRef, "url", out JsonNode? url);
        bool hasData = TryGet(imageRef, "data", out JsonNode? data);
        bool hasGenerationId = TryGet(imageRef, "generation_id", out JsonNode? generationId);
        bool hasFileId = TryGet(imageRef, "file_id", out JsonNode? fileId);
        bool hasMediaType = TryGet(imageRef, "media_type", out JsonNode? mediaType);
        int sources = (hasUrl ? 1 : 0) + (hasData ? 1 : 0) + (hasGenerationId ? 1 : 0) + (hasFileId ? 1 : 0);
        if (sources != 1)
        {
            problems.Add(400, $"{path}: {FakeLumaServerDetails.ImageRefNeedsExactlyOneSource}");
            return;
        }

        if (hasMediaType && AsString(mediaType) is not { Length: > 0 })
        {
            problems.Add(400, $"{path}.media_type: Input should be a valid string");
            return;
        }

        if (hasData)
        {
            ValidateData(path, data, hasMediaType, isVideoSource, problems);
        }
        else if (hasUrl)
        {
            if (AsString(url) is not { } text)
            {
                problems.Add(400, $"{path}.url: Input should be a valid string");
            }
            else if (isVideoSource && !hasMediaType)
            {
                problems.Add(400, $"{path}.media_type: Field required for a video source URL");
            }
            else if (!IsPublicHttps(text))
            {
                problems.Add(422, $"{path}.url: {FakeLumaServerDetails.CouldNotFetchUrl}");
            }
        }
        else if (hasGenerationId)
        {
            if (AsString(generationId) is not { } id)
            {
                problems.Add(400, $"{path}.generation_id: Input should be a valid string");
            }
            else if (!generationExists(id))
            {
                problems.Add(422, $"{path}.generation_id: {FakeLumaServerDetails.ReferencedGenerationNotFound}");
            }
        }
        else if (AsString(fileId) is not { Length: > 0 })
        {
            // Ownership and state of the file are checked by FileReferences, which knows the caller's key.
            problems.Add(400, $"{path}.file_id: Input should be a valid string");
        }
    }

    private static void ValidateData(string path, JsonNode? data, bool hasMediaType, bool isVideoSource, Problems problems)
    {
        if (AsString(data) is not { } base64)
        {
            problems.Add(400, $"{path}.data: Input should be a valid string");
        }
        else if (!hasMediaType)
        {
            problems.Add(400, $"{path}.media_type: {FakeLumaServerDetails.MediaTypeRequiredWithData}");
        }
        else if (!Base64.IsValid(base64, out int decodedLength) || decodedLength == 0)
        {
            problems.Add(422, $"{path}.data: Could not decode base64 data");
        }
        else if (decodedLength > (isVideoSource ? MaxVideoBytes : MaxImageBytes))
        {
            problems.Add(413, $"{path}.data: Media is larger than {(isVideoSource ? "200" : "50")} MB");
        }
    }

    private static bool IsPublicHttps(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        string host = uri.IdnHost;
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) || IsPublic(address);
    }

    private static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return true;
        }

        byte[] bytes = address.GetAddressBytes();
        return bytes[0] switch
        {
            0 or 10 or 127 => false,
            169 => bytes[1] != 254,
            172 => bytes[1] is < 16 or > 31,
            192 => bytes[1] != 168,
            _ => true,
        };
    }

    /// <summary>Counts Unicode code points, as the (Python) server does, rather than UTF-16 units.</summary>
    private static int CountCharacters(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>A member that is absent or JSON null counts as not set, as in the official SDKs' models.</summary>
    private static bool TryGet(JsonObject owner, string name, out JsonNode? node) =>
        owner.TryGetPropertyValue(name, out node) && node is not null;

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Quote(string[] values) =>
        string.Join(", ", values[..^1].Select(v => $"'{v}'")) + $" or '{values[^1]}'";

    private sealed class Problems
    {
        private readonly List<(int Status, string Message)> _items = [];

        public void Add(int status, string message) => _items.Add((status, message));

        public ValidationOutcome ToOutcome(string model, string type, string? prompt)
        {
            foreach (int status in (ReadOnlySpan<int>)[400, 413, 422])
            {
                string detail = string.Join("; ", _items.Where(p => p.Status == status).Select(p => p.Message));
                if (detail.Length > 0)
                {
                    return new ValidationOutcome(status, detail, model, type, prompt);
                }
            }

            return new ValidationOutcome(200, null, model, type, prompt);
        }
    }
}
