function M.confirm(msg, on_result)
  local choice = vim.fn.confirm(msg, "&Yes\n&No", 2)
  on_result(choice == 1)
end

return M
