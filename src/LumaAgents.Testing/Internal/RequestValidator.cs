using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The server side of the documented request rules (reference §2). It is deliberately independent of the SDK's
/// validator (its own reading of the reference, over the raw JSON, with its own copies of the limits) so that a rule
/// either side gets wrong shows up as a disagreement in <c>ValidatorAgreementTests</c>, which compares the two case by
/// case. Details name the JSON path. All problems of the most severe status are reported, joined by <c>"; "</c>:
/// 400 before 413 before 422.
/// </summary>
internal sealed class RequestValidator(Func<string, bool> generationExists)
{
    // Literal copies of the reference's limits, on purpose: the SDK's GenerationLimits are what is being checked.
    private const int MaxPromptLength = 6000;
    private const int MaxLayeringPromptLength = 500;
    private const int MaxUserIdLength = 256;
    private const int MaxImageRefs = 9;
    private const int MaxImageEditRefs = 8;
    private const int MaxKeyframes = 64;
    private const int LastFrameOf5s = 120;
    private const int LastFrameOf10s = 240;
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
        bool modelGiven = TryGet(body, "model", out JsonNode? modelNode);
        if (modelGiven)
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

        // The reference documents uni-1 as the default model whatever the type, so a video type must name ray-3.2.
        if (model is not null || !modelGiven)
        {
            model ??= "uni-1";
            ValidateModelForType(type, model, modelGiven, isVideoType, problems);
        }

        model ??= "uni-1";

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
            else if (value.Length > MaxUserIdLength)
            {
                problems.Add(400, $"user_id: String should have at most {MaxUserIdLength} characters");
            }
        }

        ValidateImageRefs(body, type, problems);
        ValidateSource(body, type, problems);
        ValidateVideo(body, type, model, problems);
        ValidateLayering(body, type, problems);

        return problems.ToOutcome(model, type, prompt);
    }

    private static void ValidateModelForType(string type, string model, bool modelGiven, bool isVideoType, Problems problems)
    {
        // The official SDKs document layering as uni-1 only.
        if (type == "layering")
        {
            if (model != "uni-1")
            {
                problems.Add(400, $"model: Type 'layering' requires model 'uni-1'");
            }
        }
        else if (isVideoType && model != "ray-3.2")
        {
            problems.Add(400, modelGiven
                ? $"model: Type '{type}' requires model 'ray-3.2'"
                : $"model: Type '{type}' requires model 'ray-3.2' (the default model is 'uni-1')");
        }
        else if (!isVideoType && model == "ray-3.2")
        {
            problems.Add(400, $"model: Model 'ray-3.2' does not support type '{type}'");
        }
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

        int max = layering ? MaxLayeringPromptLength : MaxPromptLength;
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

        int max = type == "image_edit" ? MaxImageEditRefs : MaxImageRefs;
        if (refs.Count > max)
        {
            problems.Add(400, max == MaxImageRefs ? FakeLumaServerDetails.TooManyImageRefs : $"image_ref: List should have at most {max} items");
        }

        for (int i = 0; i < refs.Count; i++)
        {
            ValidateImageRef($"image_ref[{i}]", refs[i], isVideoSource: false, problems);
        }
    }

    private void ValidateSource(JsonObject body, string type, Problems problems)
    {
        bool present = TryGet(body, "source", out JsonNode? node);
        // Layering splits the image given in source.
        bool required = type is "image_edit" or "video_edit" or "video_reframe" or "layering";
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

        string? duration = null;
        if (TryGet(video, "duration", out JsonNode? durationNode))
        {
            duration = AsString(durationNode);
            if (duration is not ("5s" or "10s"))
            {
                problems.Add(400, "video.duration: Input should be '5s' or '10s'");
            }
        }

        string? resolution = null;
        if (TryGet(video, "resolution", out JsonNode? resolutionNode))
        {
            resolution = AsString(resolutionNode);
            if (resolution is not ("360p" or "540p" or "720p" or "1080p"))
            {
                problems.Add(400, "video.resolution: Input should be '360p', '540p', '720p' or '1080p'");
            }
        }

        bool tenSeconds = duration == "10s";
        bool loop = IsTrue(video, "loop", "video.loop", problems);
        bool hdr = IsTrue(video, "hdr", "video.hdr", problems);
        bool exr = IsTrue(video, "exr_export", "video.exr_export", problems);
        bool hasStart = TryGet(video, "start_frame", out _);
        bool hasEnd = TryGet(video, "end_frame", out _);
        bool hasKeyframes = TryGet(video, "keyframes", out JsonNode? keyframesNode) && keyframesNode is JsonArray { Count: > 0 };

        if (loop)
        {
            if (type != "video")
            {
                problems.Add(400, "video.loop: Only allowed for type 'video'");
            }

            if (tenSeconds || hdr || hasEnd)
            {
                problems.Add(400, "video.loop: Not supported with a 10s duration, hdr or an end_frame");
            }
        }

        if (hdr)
        {
            // 720p is the default resolution, so an unset resolution is fine.
            if (resolution is "360p" or "540p")
            {
                problems.Add(400, $"video.hdr: Requires resolution '720p' or '1080p', not '{resolution}'");
            }

            if (type == "video_reframe")
            {
                problems.Add(400, "video.hdr: Not supported for type 'video_reframe'");
            }
        }

        if (exr && !hdr)
        {
            problems.Add(400, "video.exr_export: Requires video.hdr");
        }

        foreach (string frame in (ReadOnlySpan<string>)["start_frame", "end_frame", "guide_frame"])
        {
            if (TryGet(video, frame, out JsonNode? frameNode))
            {
                ValidateImageRef($"video.{frame}", frameNode, isVideoSource: false, problems);
                if (tenSeconds && frame != "guide_frame")
                {
                    problems.Add(400, $"video.{frame}: Only supported with a 5s duration");
                }
            }
        }

        if (TryGet(video, "keyframes", out _) || TryGet(video, "keyframe_indexes", out _))
        {
            if (type != "video")
            {
                problems.Add(400, "video.keyframes: Only allowed for type 'video'");
            }

            if (hasKeyframes && (hasStart || hasEnd || loop))
            {
                problems.Add(400, "video.keyframes: Not supported together with start_frame, end_frame or loop");
            }

            ValidateKeyframes(video, "video", minCount: 1, lastFrame: tenSeconds ? LastFrameOf10s : LastFrameOf5s, problems);
        }

        if (TryGet(video, "source_position", out JsonNode? positionNode))
        {
            ValidateSourcePosition(positionNode, type, problems);
        }

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
                ValidateEdit(edit, hasStart, problems);
            }
        }
    }

    private static void ValidateSourcePosition(JsonNode? node, string type, Problems problems)
    {
        if (type != "video_reframe")
        {
            problems.Add(400, "video.source_position: Only allowed for type 'video_reframe'");
        }

        if (node is not JsonObject position)
        {
            problems.Add(400, "video.source_position: Input should be an object");
            return;
        }

        foreach (string name in (ReadOnlySpan<string>)["x_norm", "y_norm", "w_norm", "h_norm"])
        {
            string path = $"video.source_position.{name}";
            if (!TryGet(position, name, out JsonNode? value))
            {
                problems.Add(400, $"{path}: Field required");
            }
            else if (AsDouble(value) is not { } number)
            {
                problems.Add(400, $"{path}: Input should be a valid number");
            }
            else if (name is "w_norm" or "h_norm" && !(number > 0 && number <= 2.0))
            {
                problems.Add(400, $"{path}: Input should be greater than 0 and less than or equal to 2");
            }
        }
    }

    private void ValidateEdit(JsonObject edit, bool hasStartFrame, Problems problems)
    {
        bool auto = IsTrue(edit, "auto_controls", "video.edit.auto_controls", problems);
        if (TryGet(edit, "strength", out JsonNode? strength)
            && AsString(strength) is not ("adhere_1" or "adhere_2" or "adhere_3" or "flex_1" or "flex_2" or "flex_3" or "reimagine_1" or "reimagine_2" or "reimagine_3"))
        {
            problems.Add(400, "video.edit.strength: Input should be one of 'adhere_1'..'adhere_3', 'flex_1'..'flex_3' or 'reimagine_1'..'reimagine_3'");
        }

        if (TryGet(edit, "controls", out JsonNode? controlsNode))
        {
            if (auto)
            {
                problems.Add(400, "video.edit.controls: Not allowed when auto_controls is true");
            }

            if (controlsNode is not JsonObject controls)
            {
                problems.Add(400, "video.edit.controls: Input should be an object");
            }
            else
            {
                ValidateUnit(controls, "depth", "blur", problems);
                ValidateUnit(controls, "normals", "augmentation", problems);
                ValidateUnit(controls, "trajectory", "sparsity", problems);
            }
        }

        if (hasStartFrame && TryGet(edit, "keyframes", out JsonNode? keyframes) && keyframes is JsonArray { Count: > 0 })
        {
            problems.Add(400, "video.edit.keyframes: Not supported together with video.start_frame");
        }

        // The edit's indexes sit on the source video's frame grid, whose length only the server knows.
        ValidateKeyframes(edit, "video.edit", minCount: 0, lastFrame: int.MaxValue, problems);
    }

    private static void ValidateUnit(JsonObject controls, string control, string name, Problems problems)
    {
        if (TryGet(controls, control, out JsonNode? node) && node is JsonObject owner && TryGet(owner, name, out JsonNode? value)
            && AsDouble(value) is not (>= 0 and <= 1))
        {
            problems.Add(400, $"video.edit.controls.{control}.{name}: Input should be a number from 0 to 1");
        }
    }

    private void ValidateKeyframes(JsonObject owner, string path, int minCount, int lastFrame, Problems problems)
    {
        int count = 0;
        bool hasKeyframes = TryGet(owner, "keyframes", out JsonNode? node);
        if (hasKeyframes)
        {
            if (node is not JsonArray keyframes)
            {
                problems.Add(400, $"{path}.keyframes: Input should be a valid list");
            }
            else
            {
                count = keyframes.Count;
                if (count < minCount)
                {
                    problems.Add(400, $"{path}.keyframes: List should have at least {minCount} item");
                }
                else if (count > MaxKeyframes)
                {
                    problems.Add(400, $"{path}.keyframes: List should have at most {MaxKeyframes} items");
                }

                for (int i = 0; i < keyframes.Count; i++)
                {
                    ValidateImageRef($"{path}.keyframes[{i}]", keyframes[i], isVideoSource: false, problems);
                }
            }
        }

        if (!TryGet(owner, "keyframe_indexes", out JsonNode? indexes))
        {
            if (count > 0)
            {
                problems.Add(400, $"{path}.keyframe_indexes: Field required with {path}.keyframes");
            }

            return;
        }

        if (indexes is not JsonArray array)
        {
            problems.Add(400, $"{path}.keyframe_indexes: Input should be a valid list");
            return;
        }

        if (array.Count != count)
        {
            problems.Add(400, $"{path}.keyframe_indexes: Must have the same length as {path}.keyframes");
        }

        var seen = new HashSet<double>();
        for (int i = 0; i < array.Count; i++)
        {
            string at = $"{path}.keyframe_indexes[{i}]";
            if (AsDouble(array[i]) is not { } index || index != Math.Floor(index))
            {
                problems.Add(400, $"{at}: Input should be a valid integer");
            }
            else if (index < 0)
            {
                problems.Add(400, $"{at}: Input should be greater than or equal to 0");
            }
            else if (index > lastFrame)
            {
                problems.Add(400, $"{at}: Input should be less than or equal to {lastFrame} for this duration (24 fps)");
            }
            else if (!seen.Add(index))
            {
                problems.Add(400, $"{at}: Frame indexes must be unique");
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

    private static double? AsDouble(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    /// <summary>Whether a boolean member is true; a member that is not a boolean is a problem (and counts as false).</summary>
    private static bool IsTrue(JsonObject owner, string name, string path, Problems problems)
    {
        if (!TryGet(owner, name, out JsonNode? node))
        {
            return false;
        }

        switch (node!.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                problems.Add(400, $"{path}: Input should be a valid boolean");
                return false;
        }
    }

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
