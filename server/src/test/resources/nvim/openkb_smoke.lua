-- Drives the OpenKB language server with Neovim's built-in LSP client (Neovim 0.7 API).
-- Env: OPENKB_JAR (the server jar), OPENKB_KB (the KB folder), OPENKB_DOCS (a folder to add).
-- The current buffer is a wiki page that links to [[summaries/alpha]], a page the add creates;
-- wiki/concepts/other.md links to it as [[concepts/page|the page]]. After the add: its outline
-- (textDocument/documentSymbol), then a rename of the page from its title (textDocument/rename,
-- the WorkspaceEdit applied by Neovim itself: links rewritten, file renamed).
-- Prints one line per step; exits 0 on PASS, 1 on failure.
local jar = os.getenv('OPENKB_JAR') or error('set OPENKB_JAR')
local kb = os.getenv('OPENKB_KB') or error('set OPENKB_KB')
local docs = os.getenv('OPENKB_DOCS') or error('set OPENKB_DOCS')
local out = function(s) io.stdout:write(s .. '\n') end
local fail = function(msg) out('FAIL: ' .. msg); vim.cmd('cquit 1') end

local progress, file_progress, exit_code = {}, {}, nil
local id = vim.lsp.start_client({
  name = 'openkb',
  cmd = { 'java', '-jar', jar, 'lsp' },
  root_dir = kb,
  handlers = {
    ['$/progress'] = function(_, result) table.insert(progress, result.value.kind) end,
    ['openkb/fileProgress'] = function(_, result) table.insert(file_progress, result.stage) end,
  },
  on_exit = function(code) exit_code = code end,
})
if not id then return fail('start_client returned nil') end
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, id)
local client = vim.lsp.get_client_by_id(id)
if not vim.wait(30000, function() return client.initialized end, 50) then return fail('initialize timed out') end
out('initialized: commands=' .. table.concat(client.server_capabilities.executeCommandProvider.commands, ','))

local function diagnostic_codes()
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(codes, d.code) end
  table.sort(codes)
  return table.concat(codes, ',')
end
if not vim.wait(30000, function() return diagnostic_codes():find('broken%-link') ~= nil end, 50) then
  return fail('no broken-link diagnostic before the add')
end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, d.code, d.message))
end

local res = client.request_sync('workspace/executeCommand',
  { command = 'openkb.add', arguments = { { uris = { vim.uri_from_fname(docs) } } } }, 120000, bufnr)
if not res or res.err then return fail('openkb.add: ' .. vim.inspect(res and res.err)) end
out('openkb.add -> added=' .. res.result.added .. ' failed=' .. res.result.failed)
if not vim.wait(30000, function() return progress[#progress] == 'end' end, 50) then
  return fail('no $/progress end: ' .. table.concat(progress, ','))
end
out('progress: ' .. progress[1] .. ' ' .. (#progress - 2) .. ' report(s) ' .. progress[#progress])
out('fileProgress: ' .. #file_progress .. ' event(s), last=' .. file_progress[#file_progress])

if not vim.wait(30000, function() return diagnostic_codes():find('broken%-link') == nil end, 50) then
  return fail('the add did not clear the broken link: ' .. diagnostic_codes())
end
out('after add: diagnostics=[' .. diagnostic_codes() .. ']')

local tdp = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
local sym = client.request_sync('textDocument/documentSymbol', tdp, 10000, bufnr)
if not sym or sym.err then return fail('documentSymbol: ' .. vim.inspect(sym and sym.err)) end
local names = {}
for _, s in ipairs(sym.result) do
  local children = {}
  for _, c in ipairs(s.children or {}) do table.insert(children, c.name) end
  table.insert(names, s.name .. '(' .. table.concat(children, ',') .. ')')
end
out('outline: ' .. table.concat(names, ' '))

vim.api.nvim_win_set_cursor(0, { 6, 3 }) -- on "# Page"
local pos = vim.lsp.util.make_position_params()
local prep = client.request_sync('textDocument/prepareRename', pos, 10000, bufnr)
if not prep or prep.err or not prep.result then return fail('prepareRename: ' .. vim.inspect(prep)) end
out('prepareRename placeholder=' .. prep.result.placeholder)
pos.newName = 'renamed-page'
local ren = client.request_sync('textDocument/rename', pos, 10000, bufnr)
if not ren or ren.err or not ren.result then return fail('rename: ' .. vim.inspect(ren)) end
vim.lsp.util.apply_workspace_edit(ren.result, client.offset_encoding)
vim.cmd('silent wall')
io.stdout:write('\n') -- Neovim's own "written" message has no line end
out('rename: buffer=' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':.'))

client.stop()
if not vim.wait(30000, function() return exit_code ~= nil end, 50) then return fail('server did not exit') end
out('server exit code ' .. exit_code)
if exit_code ~= 0 then return fail('exit code ' .. exit_code) end
out('PASS')
vim.cmd('qa!')
