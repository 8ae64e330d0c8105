namespace OpenChronic.Client.Grid;

/// <summary>A free TCP port on the loopback interface, for silos, gateways and the API started by the console.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
