/** The SDK's client side, imported on first use: a troupe whose characters list no MCP server never loads it. */
export async function loadClientSdk() {
  const [client, types, transport] = await Promise.all([
    import("@modelcontextprotocol/sdk/client/index.js"),
    import("@modelcontextprotocol/sdk/types.js"),
    import("./create-transport.js"),
  ]);
  return {
    Client: client.Client,
    CallToolResultSchema: types.CallToolResultSchema,
    ErrorCode: types.ErrorCode,
    McpError: types.McpError,
    createTransport: transport.createTransport,
  };
}

export type ClientSdk = Awaited<ReturnType<typeof loadClientSdk>>;
