namespace LumaAgents.Mcp.Output;

/// <summary>What a tool's ids name, so that a 404 says which id to check.</summary>
internal enum ErrorSubject
{
    /// <summary>A generation (create_generation, get_generation, wait_for_generation, generate, download_outputs).</summary>
    Generation,

    /// <summary>An uploaded file (upload_file, list_files, get_file, delete_file).</summary>
    File,
}
