provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "app" {
  name     = "app"
  location = "westeurope"
}

resource "azurerm_service_plan" "app" {
  name                = "app"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name
  os_type             = "Linux"
  sku_name            = "B1"
}

resource "azurerm_linux_virtual_machine" "worker" {
  name                  = "worker"
  location              = azurerm_resource_group.app.location
  resource_group_name   = azurerm_resource_group.app.name
  size                  = "Standard_B2s"
  admin_username        = "ops"
  network_interface_ids = [azurerm_network_interface.worker.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
    disk_size_gb         = 64
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }
}

resource "azurerm_network_interface" "worker" {
  name                = "worker"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name

  ip_configuration {
    name                          = "internal"
    private_ip_address_allocation = "Dynamic"
  }
}

# A SQL database has no location: it is in its server's, which the server_id expression
# names even though the id itself is known only after apply.
resource "azurerm_mssql_server" "orders" {
  name                = "orders"
  location            = azurerm_resource_group.app.location
  resource_group_name = azurerm_resource_group.app.name
  version             = "12.0"
}

resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.orders.id
  sku_name  = "S1"
}
