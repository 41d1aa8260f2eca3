-- Headless Neovim (>= 0.7) used the way the README says: its Neovim configuration block (CONFIG), then a user who
-- opens a file and runs the edit, through the <leader>pe keymap (MODE=keymap) or a code action (MODE=code_action).
-- Environment: CONFIG, WS (workspace, also the cwd), OPEN (file to open), INSTRUCTION (typed at the prompt), MODE,
-- ANSWER (the button pressed when the server asks; default Apply), RESULT (where the command's JSON result goes).
-- Any Lua error exits with status 2: never hang (see ../shared/clients-notes.md).
local function env(name)
  return assert(os.getenv(name), name .. " is not set")
end

local function main()
  local result, asked = nil, {}
  -- What the user does at the prompts, and how the test learns the outcome: the same global handler tables the
  -- README's client uses.
  vim.ui.input = function(_, on_confirm)
    on_confirm(env("INSTRUCTION"))
  end
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      if opts.format_item(item):find("apply this instruction", 1, true) then
        return on_choice(item, i)
      end
    end
    error("no 'apply this instruction' code action among " .. #items)
  end
  vim.lsp.handlers["window/showMessageRequest"] = function(_, params)
    table.insert(asked, params.message)
    return { title = os.getenv("ANSWER") or "Apply" }
  end
  vim.lsp.handlers["workspace/executeCommand"] = function(err, res)
    result = { error = err and err.message or vim.NIL, result = res or vim.NIL, asked = asked }
  end

  dofile(env("CONFIG"))
  vim.cmd("edit " .. env("WS") .. "/" .. env("OPEN"))
  local client = nil
  vim.wait(30000, function() -- a client is "active" once it has initialized
    client = vim.lsp.get_active_clients()[1]
    return client ~= nil
  end, 50)
  assert(client and client.name == "polyedit", "the README's configuration started no polyedit client")

  local state = nil
  local ready = vim.wait(180000, function()
    local reply = client.request_sync("polyedit/indexStatus", {}, 5000, 0)
    state = reply and reply.result and reply.result.state
    return state == "ready"
  end, 200)
  assert(ready, "the index did not become ready (last state: " .. tostring(state) .. ")")

  if env("MODE") == "keymap" then
    local keys = vim.api.nvim_replace_termcodes("<leader>pe", true, false, true)
    vim.api.nvim_feedkeys(keys, "x", false)
  else -- a comment holding the instruction, the cursor on it, then the code action
    vim.api.nvim_buf_set_lines(0, 0, 0, false, { "# polyedit: " .. env("INSTRUCTION") })
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    vim.lsp.buf.code_action()
  end
  assert(vim.wait(180000, function() return result ~= nil end, 50), "no reply to polyedit.edit")
  if env("MODE") == "keymap" then
    vim.cmd("silent wall")
  end
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
