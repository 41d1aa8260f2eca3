local M = {}

function M.input(opts, on_confirm)
  vim.ui.input(opts, on_confirm)
end

function M.select(items, opts, on_choice)
  vim.ui.select(items, opts, on_choice)
end

return M
