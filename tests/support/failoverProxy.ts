/**
 * What a load balancer does for WebSockets, reduced to the part the node-kill test
 * needs: a TCP proxy on 127.0.0.1 that sends each new connection to the first of its
 * targets that accepts it. When a node dies its connections break, the clients
 * reconnect, and the proxy hands them to the next node.
 */
import net from 'node:net'

export interface FailoverProxy {
  url: string
  close(): Promise<void>
}

export async function startFailoverProxy(targetPorts: readonly number[]): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>()
  const connectFirst = (client: net.Socket, i: number) => {
    if (i >= targetPorts.length) return client.destroy()
    const upstream = net.connect(targetPorts[i] as number, '127.0.0.1')
    let connected = false
    upstream.once('connect', () => {
      connected = true
      sockets.add(upstream)
      client.pipe(upstream).pipe(client)
      client.resume()
    })
    upstream.on('error', () => {
      if (!connected) return connectFirst(client, i + 1)
      client.destroy()
    })
    upstream.on('close', () => {
      sockets.delete(upstream)
      if (connected) client.destroy()
    })
  }
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client)
    client.on('error', () => {})
    client.on('close', () => sockets.delete(client))
    connectFirst(client, 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
