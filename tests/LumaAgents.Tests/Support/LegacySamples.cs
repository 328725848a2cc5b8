namespace LumaAgents.Tests.Support;

/// <summary>
/// Older shapes of a generation seen through proxies, verbatim copies of ../shared/reference/examples/ (kept here so
/// the tests need nothing outside the repository).
/// </summary>
public static class LegacySamples
{
    /// <summary>examples/dream-machine-generation.json: the older Dream Machine API, outputs under <c>assets</c>.</summary>
    public const string DreamMachine = """
        {
          "id": "9a1c2f0e-5b7d-4e0a-8c3f-1d2e3f4a5b6c",
          "generation_type": "video",
          "state": "completed",
          "failure_reason": null,
          "created_at": "2024-11-02T10:15:30.123Z",
          "assets": {
            "video": "https://storage.cdn-luma.com/dream_machine/9a1c2f0e/video.mp4",
            "image": "https://storage.cdn-luma.com/dream_machine/9a1c2f0e/thumb.jpg"
          },
          "model": "ray-2",
          "request": { "prompt": "a lighthouse at dawn", "aspect_ratio": "16:9" }
        }
        """;

    /// <summary>examples/kkiai-task.json: the kkiai proxy's task query, a top-level <c>video</c> object.</summary>
    public const string Kkiai = """
        {"id": "4665a07c-7641-4809-a133-10786201bb56", "state": "completed", "video": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4", "width": 1360, "height": 752, "download_url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4"}, "request": {"prompt": "cat dance", "aspect_ratio": "16:9"}, "artifact": {"video": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4", "width": 1360, "height": 752, "download_url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4"}, "thumbnail": {"url": "https://imagedelivery.net/1KomXrSWiTojGGip43n0SQ/e4268de5-4a74-45ff-67b8-dc46df12de00/public", "width": 1360, "height": 752, "palette": {"grid": "em9csKqXYUgqdHVmmqeZLB8YaFpLjVw2bmFTTElBHhMNTzgodD8eVzUeTDorRSkYYEQymV80e1M0ck0ugWVRwKCApWk0hF1BgmVP"}, "media_type": "image"}, "video_raw": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4", "width": 1360, "height": 752, "duration": 5.041667, "media_type": "video"}, "created_at": "0001-01-01T00:00:00Z", "last_frame": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/606108d9-9daf-4265-84fb-595f18240ac5/video_0_last_frame.jpg", "width": 1360, "height": 752, "palette": null, "media_type": "image"}}, "thumbnail": {"url": "https://imagedelivery.net/1KomXrSWiTojGGip43n0SQ/e4268de5-4a74-45ff-67b8-dc46df12de00/public", "width": 1360, "height": 752, "palette": {"grid": "em9csKqXYUgqdHVmmqeZLB8YaFpLjVw2bmFTTElBHhMNTzgodD8eVzUeTDorRSkYYEQymV80e1M0ck0ugWVRwKCApWk0hF1BgmVP"}, "media_type": "image"}, "video_raw": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/35049450-c008-4607-b1d0-0b025599f15d/video0b6619468da8e409da860706bbf26bbad.mp4", "width": 1360, "height": 752, "duration": 5.041667, "media_type": "video"}, "created_at": "2024-12-22T13:38:40.139Z", "last_frame": {"url": "https://storage.cdn-luma.com/dream-machine/b0d67582-c6f0-4973-a89c-3fea9d46d5e9/606108d9-9daf-4265-84fb-595f18240ac5/video_0_last_frame.jpg", "width": 1360, "height": 752, "palette": null, "media_type": "image"}}
        """;
}
