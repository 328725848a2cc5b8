using ModelContextProtocol.Server;

namespace LumaAgents.Mcp.Tools;

/// <summary>
/// Every tool the server offers, one class per tool, grouped by the API area they cover. This is the one list to
/// extend.
/// </summary>
internal static class ToolCatalog
{
    public static IReadOnlyList<McpServerTool> Create(ToolContext context) =>
    [
        .. GenerationTools(context),
        new DownloadOutputsTool(context),
        .. FileTools(context),
    ];

    private static IEnumerable<McpServerTool> GenerationTools(ToolContext context) =>
    [
        new CreateGenerationTool(context),
        new GetGenerationTool(context),
        new WaitForGenerationTool(context),
        new GenerateTool(context),
    ];

    private static IEnumerable<McpServerTool> FileTools(ToolContext context) =>
    [
        new UploadFileTool(context),
        new ListFilesTool(context),
        new GetFileTool(context),
        new DeleteFileTool(context),
    ];
}
