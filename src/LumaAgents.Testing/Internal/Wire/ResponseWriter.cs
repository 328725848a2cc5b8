using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>Sends a computed answer, applying the body faults (truncation) on the way; or drops the connection.</summary>
internal sealed class ResponseWriter(string apiVersion, RequestLog log)
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

        long length = simulated.Length;
        long send = length;
        bool drop = false;
        if (bodyFault?.Kind == FakeFaultKind.TruncatedBody)
        {
            send = Math.Min(bodyFault.KeepBytes ?? (length / 2), length);
            drop = bodyFault.DropsConnection && send < length;
        }

        response.ContentLength = drop ? length : send;
        log.Answered(record, simulated.StatusCode);

        if (!HttpMethods.IsHead(record.Method) && send > 0)
        {
            if (simulated.File is { } file)
            {
                await file.WriteAsync(response.Body, send, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await response.Body.WriteAsync(simulated.Body[..(int)send], context.RequestAborted).ConfigureAwait(false);
            }
        }

        if (drop)
        {
            // Ending with fewer bytes than Content-Length makes Kestrel close the connection after sending what was
            // written; an abort would reset it and the client could lose the partial body it is meant to see.
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            log.Dropped(record);
        }
    }

    public void Drop(HttpContext context, RecordedRequest record)
    {
        log.Dropped(record);
        context.Abort();
    }
}
