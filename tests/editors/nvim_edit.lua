-- Headless Neovim (>= 0.7) drives polyedit like a user: open a file, run polyedit.edit, :wall.
-- Inputs from the environment: POLYEDIT (executable), WS (workspace), OPEN (file to open), INSTRUCTION, RESULT
-- (where to write the command's JSON result), ANSWER (the button to press when the server asks; default Apply). Any Lua error exits with status 2 (never hang: see clients-notes).
local function main()
  local env = function(name) return assert(os.getenv(name), name .. " is not set") end
  local result = nil
  local asked = {}
  local client_id = vim.lsp.start_client({
    name = "polyedit",
    cmd = { env("POLYEDIT"), "serve" },
    root_dir = env("WS"),
    handlers = {
      -- vim.lsp.buf.execute_command has no callback in 0.7: the reply arrives here.
      ["workspace/executeCommand"] = function(err, res)
        result = { error = err and err.message or vim.NIL, result = res or vim.NIL, asked = asked }
      end,
      -- Neovim has no refactor preview: the server asks before it changes files. The user answers $ANSWER.
      ["window/showMessageRequest"] = function(_, params)
        table.insert(asked, params.message)
        return { title = os.getenv("ANSWER") or "Apply" }
      end,
    },
  })
  assert(client_id, "the server did not start")
  -- Attach to every buffer of the workspace, as nvim-lspconfig does: buffers an edit loads are synced too.
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    callback = function(args)
      if vim.startswith(vim.api.nvim_buf_get_name(args.buf), env("WS")) then
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
  vim.cmd("edit " .. env("WS") .. "/" .. env("OPEN"))
  local client = vim.lsp.get_client_by_id(client_id)

  local state = nil
  local ready = vim.wait(180000, function()
    local reply = client.request_sync("polyedit/indexStatus", {}, 5000, 0)
    state = reply and reply.result and reply.result.state
    return state == "ready"
  end, 200)
  assert(ready, "the index did not become ready (last state: " .. tostring(state) .. ")")

  vim.lsp.buf.execute_command({
    command = "polyedit.edit",
    arguments = { { instruction = env("INSTRUCTION"), uri = vim.uri_from_bufnr(0) } },
  })
  assert(vim.wait(180000, function() return result ~= nil end, 50), "no reply to polyedit.edit")
  vim.cmd("silent wall")
  local out = assert(io.open(env("RESULT"), "w"))
  out:write(vim.fn.json_encode(result))
  out:close()
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  io.stderr:write(tostring(err) .. "\n")
  vim.cmd("cquit 2")
end
vim.cmd("qall!")
