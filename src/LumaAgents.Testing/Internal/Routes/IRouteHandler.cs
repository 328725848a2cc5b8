namespace LumaAgents.Testing.Internal;

/// <summary>One route of the simulated API: computes the answer; sending it (and any fault on the way) is the dispatcher's.</summary>
internal interface IRouteHandler
{
    ValueTask<SimulatedResponse> HandleAsync(RouteRequest request);
}
