using System.Net.Sockets;

namespace LumaAgents;

/// <summary>How an attempt failed without a response, which decides whether a create may be retried.</summary>
internal enum AttemptFailure
{
    /// <summary>A response arrived (look at its status).</summary>
    None,

    /// <summary>The connection could not be made: nothing was sent, so even a create is safe to retry.</summary>
    ConnectFailed,

    /// <summary>The attempt timed out: the server may have acted on the request.</summary>
    TimedOut,

    /// <summary>The connection broke after the request may have been sent.</summary>
    Broken,
}

/// <summary>Classifies attempt exceptions.</summary>
internal static class AttemptFailures
{
    public static AttemptFailure Classify(Exception exception)
    {
        if (exception is LumaTimeoutException)
        {
            return AttemptFailure.TimedOut;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && IsConnectError(socket.SocketErrorCode))
            {
                return AttemptFailure.ConnectFailed;
            }
        }

        return AttemptFailure.Broken;
    }

    private static bool IsConnectError(SocketError error) => error
        is SocketError.ConnectionRefused
        or SocketError.HostNotFound
        or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable
        or SocketError.TryAgain
        or SocketError.NoData
        or SocketError.AddressNotAvailable;
}
