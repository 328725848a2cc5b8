using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Sends a computed answer, applying the faults that change an answer on its way out (replaced headers, a truncated,
/// stalled or trickled body); or drops the connection.
/// </summary>
internal sealed class ResponseWriter(string apiVersion, TimeProvider time, CancellationToken stopping)
{
    public async Task SendAsync(HttpContext context, RecordedRequest record, SimulatedResponse simulated, FakeFault? bodyFault)
    {
        HttpResponse response = context.Response;
        response.StatusCode = simulated.StatusCode;
        if (simulated.IncludeApiHeaders)
        {
            response.Headers["X-Request-Id"] = record.RequestId;
            response.Headers["X-API-Version"] = apiVersion;
        }

        foreach (KeyValuePair<string, string> header in simulated.Headers)
        {
            response.Headers.Append(header.Key, header.Value);
        }

        if (simulated.ContentType is not null)
        {
            response.ContentType = simulated.ContentType;
        }

        if (bodyFault?.Kind == FakeFaultKind.GarbageHeaders)
        {
            foreach (KeyValuePair<string, string> header in bodyFault.Headers)
            {
                response.Headers[header.Key] = header.Value;
            }
        }

        long length = simulated.Length;
        long send = length;
        bool drop = false;
        if (bodyFault?.Kind == FakeFaultKind.TruncatedBody)
        {
            send = Math.Min(bodyFault.KeepBytes ?? (length / 2), length);
            drop = bodyFault.DropsConnection && send < length;
        }

        if (simulated.DeclaresLength)
        {
            response.ContentLength = drop ? length : send;
        }

        RequestLog.Answered(record, simulated.StatusCode);

        if (!HttpMethods.IsHead(record.Method) && send > 0)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            Stream body = bodyFault?.Kind is FakeFaultKind.StalledBody or FakeFaultKind.TrickledBody
                ? new PacedStream(response.Body, bodyFault, time, linked.Token)
                : response.Body;
            if (simulated.Streamed is { } streamed)
            {
                await streamed.WriteAsync(body, send, linked.Token).ConfigureAwait(false);
            }
            else
            {
                await body.WriteAsync(simulated.Body[..(int)send], linked.Token).ConfigureAwait(false);
            }
        }

        if (drop)
        {
            // Ending with fewer bytes than Content-Length makes Kestrel close the connection after sending what was
            // written; an abort would reset it and the client could lose the partial body it is meant to see.
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            RequestLog.Dropped(record);
        }
    }

    public void Drop(HttpContext context, RecordedRequest record)
    {
        RequestLog.Dropped(record);
        context.Abort();
    }
}
