// The tokenlint extension starts `tokenlint lsp` and hands it every file
// and untitled buffer: the server lints the formats tokenlint reads, leaves
// Go to gopls, and answers nothing for the rest. A change of the
// extension's settings restarts the server with them.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const settings = vscode.workspace.getConfiguration("tokenlint");
  const server = { command: settings.get("path") || "tokenlint", args: ["lsp"] };
  client = new LanguageClient("tokenlint", "tokenlint", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file" }, { scheme: "untitled" }],
    initializationOptions: { config: settings.get("config") || "" },
  });
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("tokenlint")) {
        await deactivate();
        await start();
      }
    }),
  );
  await start();
}

async function deactivate() {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
}

module.exports = { activate, deactivate };
