namespace LumaAgents.Testing.Internal;

/// <summary>The result of validating a create request: an error (status and detail) or the values after defaults.</summary>
internal readonly record struct ValidationOutcome(int Status, string? Detail, string Model, string Type, string? Prompt)
{
    public bool IsValid => Detail is null;
}
