#pragma once

namespace costgate::cli {

/// The whole command-line program; returns the process exit code
/// (0 pass, 1 policy failure, 2 bad input or usage).
int costgate_main(int argc, char** argv);

} // namespace costgate::cli
