pytest_plugins = ["fuseki_fixture"]
