using ModelContextProtocol.Server;

namespace LumaAgents.Mcp.Tools;

/// <summary>
/// Every tool the server offers, one class per tool, grouped by the API area they cover. This is the one list to
/// extend: the Files tools (upload_file, list_files, get_file, delete_file) join as a group of their own.
/// </summary>
internal static class ToolCatalog
{
    public static IReadOnlyList<McpServerTool> Create(ToolContext context) =>
    [
        .. GenerationTools(context),
        new DownloadOutputsTool(context),
    ];

    private static IEnumerable<McpServerTool> GenerationTools(ToolContext context) =>
    [
        new CreateGenerationTool(context),
        new GetGenerationTool(context),
        new WaitForGenerationTool(context),
        new GenerateTool(context),
    ];
}
