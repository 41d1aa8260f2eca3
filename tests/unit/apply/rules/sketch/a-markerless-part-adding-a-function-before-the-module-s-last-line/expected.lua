local M = {}

function M.input(opts, on_confirm)
  vim.ui.input(opts, on_confirm)
end

function M.select(items, opts, on_choice)
  vim.ui.select(items, opts, on_choice)
end

function M.confirm(msg, on_result)
  local choice = vim.fn.confirm(msg, "&Yes\n&No", 2)
  on_result(choice == 1)
end

return M
