using System.Text.Json;
using System.Text.Json.Nodes;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The Files side of a generation request: every <c>file_id</c> (in <c>source</c>, <c>image_ref[]</c>,
/// <c>video.start_frame|end_frame|guide_frame</c>, <c>video.keyframes[]</c>, <c>video.edit.keyframes[]</c>) must name
/// a file the caller owns that is <c>ready</c>. The reference documents no status; we answer 400 naming the path.
/// </summary>
internal static class FileReferences
{
    public static List<string> Check(JsonObject body, FileStore files, string apiKey, DateTimeOffset now)
    {
        var problems = new List<string>();
        void CheckRef(string path, JsonNode? node)
        {
            if (node is not JsonObject imageRef || !imageRef.TryGetPropertyValue("file_id", out JsonNode? idNode) ||
                idNode is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 } id)
            {
                return;
            }

            // A reference with several sources is the validator's problem ("exactly one of"), not a file lookup.
            if (imageRef["url"] is not null || imageRef["data"] is not null || imageRef["generation_id"] is not null)
            {
                return;
            }

            if (files.FindOwned(id, apiKey) is not { } file)
            {
                problems.Add($"{path}.file_id: {FakeLumaServerDetails.ReferencedFileNotFound}");
                return;
            }

            string state;
            lock (files.Gate)
            {
                state = file.StateAt(now);
            }

            if (state == "deleted")
            {
                problems.Add($"{path}.file_id: {FakeLumaServerDetails.ReferencedFileDeleted}");
            }
            else if (state != "ready")
            {
                problems.Add($"{path}.file_id: {FakeLumaServerDetails.ReferencedFileNotReady} (state '{state}')");
            }
        }

        void CheckList(string path, JsonNode? node)
        {
            if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    CheckRef($"{path}[{i}]", array[i]);
                }
            }
        }

        CheckRef("source", body["source"]);
        CheckList("image_ref", body["image_ref"]);
        if (body["video"] is JsonObject video)
        {
            foreach (string frame in (ReadOnlySpan<string>)["start_frame", "end_frame", "guide_frame"])
            {
                CheckRef($"video.{frame}", video[frame]);
            }

            CheckList("video.keyframes", video["keyframes"]);
            if (video["edit"] is JsonObject edit)
            {
                CheckList("video.edit.keyframes", edit["keyframes"]);
            }
        }

        return problems;
    }
}
