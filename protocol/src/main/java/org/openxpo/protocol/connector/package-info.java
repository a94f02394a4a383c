/**
 * The seam between host and module: what one cage's control connector offers a host (I2C and I3C transfers, CCCs,
 * sideband pins, events), a chassis of cages, and the {@code ServiceLoader} SPI that finds an embedded module. The
 * emulator implements it; every host-side transport speaks it.
 */
package org.openxpo.protocol.connector;
