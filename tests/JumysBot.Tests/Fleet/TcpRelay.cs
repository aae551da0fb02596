using System.Net;
using System.Net.Sockets;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// A TCP relay on loopback between the bots and PostgreSQL, which a test can cut: while cut, every open connection is
/// reset and every new one is reset as soon as it is accepted, as when the server is down or unreachable; restored, new
/// connections pass again.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Server)> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;
    private int _refused;

    private TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were refused while cut.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static TcpRelay Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    /// <summary>PostgreSQL becomes unreachable: open connections are reset, new ones refused.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var (client, server) in _open)
            {
                Reset(client);
                Reset(server);
            }

            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            lock (_open)
            {
                if (_cut)
                {
                    Reset(client);
                    Reset(server);
                    return;
                }

                _open.Add((client, server));
            }

            // When one side ends, the other is ended too.
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut, or one side went away.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove((client, server));
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset or stopped.
        }
    }

    /// <summary>Closes with a reset (no orderly goodbye), as a vanished server looks to the client.</summary>
    private static void Reset(TcpClient connection)
    {
        try
        {
            connection.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        connection.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Cut();
        _stop.Dispose();
    }
}
