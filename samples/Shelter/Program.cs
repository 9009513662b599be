await Inkwell.Samples.Shelter.ShelterTour.RunAsync(Console.Out);
