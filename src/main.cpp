#include "costgate/cli/main.hpp"

int main(int argc, char** argv) {
    return costgate::cli::costgate_main(argc, argv);
}
