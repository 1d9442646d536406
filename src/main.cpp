#include "costgate/cli/main.hpp"

int main(int argc, char** argv) {
    return costgate::costgate_main(argc, argv);
}
