-- Drives tokenlint's language server through Neovim's built-in LSP client
-- (Neovim 0.7 and later, headless), as TestNeovim runs it:
--
--   TOKENLINT_BIN=tokenlint TOKENLINT_FILE=token.http TOKENLINT_TRANSCRIPT=out.txt \
--     nvim --headless --clean -u NONE -c 'luafile diagnostics.lua'
--
-- It opens the file, waits for the diagnostics the server publishes, lists
-- them as the location list shows them, applies the preferred quickfix
-- through textDocument/codeAction, waits for its diagnostic to go, and
-- stops the client (shutdown, exit). Every step is written to the
-- transcript; the last line is "ok" or "FAIL: why". A wait is bounded so a
-- broken server fails instead of hanging; nothing is timed.

local bin = os.getenv("TOKENLINT_BIN")
local file = os.getenv("TOKENLINT_FILE")
local out = assert(io.open(os.getenv("TOKENLINT_TRANSCRIPT"), "w"))
local guard = 20000

local function say(fmt, ...)
  out:write(string.format(fmt, ...) .. "\n")
  out:flush()
end

local function finish(verdict)
  say("%s", verdict)
  out:close()
  vim.cmd("qall!")
end

local severity = { "error", "warning", "information", "hint" }

local function list(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    say("  %s:%d:%d: %s: %s [%s] (%s)", vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":t"),
      d.lnum + 1, d.col + 1, severity[d.severity], d.message, tostring(d.code), d.source)
  end
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "tokenlint",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
if not client_id then
  return finish("FAIL: the client did not start")
end
vim.lsp.buf_attach_client(buf, client_id)
say("opened %s with client %s (%s lsp)", vim.fn.fnamemodify(file, ":t"), client_id, bin)

if not vim.wait(guard, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  return finish("FAIL: no diagnostics in the buffer")
end
say("diagnostics in the buffer:")
list(buf)

-- The preferred quickfix for the first diagnostic, applied as the
-- code-action menu would.
local first = vim.diagnostic.get(buf)[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = first.lnum, character = first.col }, ["end"] = { line = first.end_lnum, character = first.end_col } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, guard) or {}
local fix
for _, r in pairs(responses) do
  for _, action in ipairs(r.result or {}) do
    say("code action: %s%s", action.title, action.isPreferred and " (preferred)" or "")
    if action.isPreferred and not fix then
      fix = action
    end
  end
end
if not fix then
  return finish("FAIL: no preferred quickfix")
end
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
say("applied %q: line %d is now %s", fix.title, first.lnum + 1, vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1])

local function fixed()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == first.code then
      return false
    end
  end
  return true
end
if not vim.wait(guard, fixed, 20) then
  say("diagnostics left:")
  list(buf)
  return finish("FAIL: " .. tostring(first.code) .. " is still reported after its fix")
end
say("diagnostics in the buffer after the fix:")
list(buf)

vim.lsp.stop_client(client_id)
if not vim.wait(guard, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20) then
  return finish("FAIL: the server did not stop")
end
say("client stopped (shutdown, exit)")
finish("ok")
